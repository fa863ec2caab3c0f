// The Key Vault and the key-encryption key that wraps each author's notes key (encryption at rest), readable by the
// web app's managed identity only to wrap and unwrap.
//
// Why a module: a vault is kept 90 days after its resource group is deleted (soft delete), and purge protection
// forbids purging it, so a vault name derived only from the resource group's id or name would collide with the
// deleted vault when the same group is created and provisioned again. The name is derived from the storage account's
// creation time instead: stable for as long as the data it protects exists (every re-provision finds the same vault
// and key), new when the group and its storage account are created again. A module is needed because a resource
// name may use a runtime value such as creationTime only through a module parameter.
@description('creationTime of the storage account whose notes this key protects.')
param storageCreationTime string

@description('Principal id of the web app\'s system-assigned identity.')
param webAppPrincipalId string

param location string = resourceGroup().location

// Key Vault names: 3–24 letters, digits and hyphens, globally unique.
var keyVaultName = 'intro-${uniqueString(resourceGroup().id, storageCreationTime)}'

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // A deleted vault or key can be recovered for 90 days, and nobody can purge it sooner: losing the key loses
    // every note it wrapped.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// The key-encryption key: it never leaves Key Vault; the app asks it to wrap and unwrap notes keys.
resource notesKek 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: keyVault
  name: 'notes-kek'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

// Key Vault Crypto User: wrap and unwrap with the vault's keys, nothing else. Assigning a role needs Owner or User
// Access Administrator on the resource group (docs/DEPLOY.md).
var keyVaultCryptoUser = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '12338af0-0e69-4776-bea7-57ae8d297424'
)

resource webAppCanWrap 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webAppPrincipalId, keyVaultCryptoUser)
  scope: keyVault
  properties: {
    roleDefinitionId: keyVaultCryptoUser
    principalId: webAppPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// A module's outputs exist only once all its resources are deployed, role assignment included: app settings that
// use this id are written after the web app may use the key.
output keyId string = notesKek.properties.keyUriWithVersion
