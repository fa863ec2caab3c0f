// Azure resources for Intro 1:1: one Linux App Service (Node 22 LTS) that serves the bot, the REST API and the tab,
// a Storage account whose Table service holds all state (so instances can scale out), a Key Vault key that wraps
// each author's notes key (encryption at rest, notesKeyVault.bicep), and the Azure Bot.
@maxLength(20)
@minLength(4)
@description('Prefix for every resource name.')
param resourceBaseName string

@description('Client id of the bot\'s single-tenant Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app (BOT_TENANT_ID).')
param botTenantId string = tenant().tenantId

@description('Authority that issues the app\'s SSO tokens, e.g. https://login.microsoftonline.com/<tenant> (AAD_APP_OAUTH_AUTHORITY).')
param aadAppOauthAuthority string

@description('Host that issues tokens for the app\'s cloud (AAD_APP_OAUTH_AUTHORITY_HOST); Graph tokens come from it.')
param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Create Teams meetings through Microsoft Graph; needs admin consent for the permissions in docs/DEPLOY.md.')
param useGraphCalendar bool = false

@description('The Teams app id (TEAMS_APP_ID), for deep links to the personal tab.')
param teamsAppId string

@description('App Service plan SKU; B1 or above for Always On.')
param webAppSku string = 'B1'

@maxLength(42)
@description('Display name of the Azure Bot.')
param botDisplayName string

param location string = resourceGroup().location

var serverfarmName = resourceBaseName
var webAppName = resourceBaseName
// Storage account names: 3–24 lowercase letters and digits, globally unique.
var storageAccountName = 'intro${uniqueString(resourceGroup().id, resourceBaseName)}'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: serverfarmName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  // The app reaches Key Vault as itself: no secret to store for it.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // As `npm start`. 32 MB semi-spaces (V8's default is 16): fewer scavenges under the notes load, each still short
      // (64 MB made each pause 12–14 ms and raised the p99; see docs/CAPACITY.md).
      appCommandLine: 'node --max-semi-space-size=32 dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

module notesKeyVault './notesKeyVault.bicep' = {
  name: 'Notes-key-vault'
  params: {
    storageCreationTime: storageAccount.properties.creationTime
    webAppPrincipalId: webApp.identity.principalId
    location: location
  }
}

// Session changes shared between instances: Azure Cache for Redis pub/sub (REDIS_URL). One notice per session
// change (~70/s fleet-wide at 10 000 meetings) and one subscription per instance: the smallest dedicated size with a
// replica (Standard C1) is far above that; TLS only (the app refuses redis:// off loopback).
var redisName = 'intro-${uniqueString(resourceGroup().id, resourceBaseName)}'

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: redisName
  location: location
  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: 1
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisVersion: '6'
    publicNetworkAccess: 'Enabled'
  }
}

// The access key is base64 ('/', '+', '='): encoded for the URL's password, as the client decodes it.
var redisUrl = 'rediss://:${uriComponent(redis.listKeys().primaryKey)}@${redis.properties.hostName}:${redis.properties.sslPort}'

// Set separately so BOT_DOMAIN can use the site's own host name.
resource webAppSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: botAadAppClientSecret
    BOT_TENANT_ID: botTenantId
    BOT_DOMAIN: webApp.properties.defaultHostName
    // One Entra app for the bot and SSO (teamsapp.yml says why): the API accepts tokens issued to the bot's app.
    AAD_APP_CLIENT_ID: botAadAppClientId
    AAD_APP_TENANT_ID: botTenantId
    AAD_APP_OAUTH_AUTHORITY: aadAppOauthAuthority
    STORAGE_CONNECTION_STRING: storageConnectionString
    KEY_VAULT_KEY_ID: notesKeyVault.outputs.keyId
    REDIS_URL: redisUrl
    TEAMS_APP_ID: teamsAppId
    // Graph (calendar events with a Teams meeting) as the app itself, only once an admin has granted it the application
    // permissions in docs/CONFIGURATION.md; empty means the local calendar (.ics invites).
    GRAPH_CLIENT_SECRET: useGraphCalendar ? botAadAppClientSecret : ''
    GRAPH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    // Signs invite links and team-plan cards, the same key on every instance. Storage key 2 is a secret Azure keeps and
    // nothing else uses; it survives re-provisioning, and regenerating it in the portal rotates the signing key.
    SIGNING_SECRET: storageAccount.listKeys().keys[1].value
    // The site folder is read-only (WEBSITE_RUN_FROM_PACKAGE); /home is writable and kept across restarts.
    DATA_DIR: '/home/data/intro-1on1'
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Written to env/.env.<env> by arm/deploy and used by teamsapp.yml.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
