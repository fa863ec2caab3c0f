// The Azure Bot for Intro 1:1: a single-tenant bot whose messaging endpoint is the App Service, with the Teams channel.
@maxLength(20)
@minLength(4)
@description('Prefix for the bot resource name.')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Client id of the bot\'s single-tenant Entra app.')
param botAadAppClientId string

@description('Tenant of the bot\'s Entra app.')
param botTenantId string

@description('Host name that serves POST /api/messages.')
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
