// The Azure Bot: Teams sends activities to the web app's /api/messages. Its Microsoft App is the
// Outreach Cases app registration in this tenant (msaAppType SingleTenant), which signs in with
// the managed identity's token as a federated credential: the bot has no app password.

@description('Name of the Azure Bot resource (2 to 64 letters, digits, hyphens, underscores or periods).')
@minLength(2)
@maxLength(64)
param name string

@description('Name people see for the bot.')
param displayName string

@description('HTTPS address Teams posts activities to: the web app\'s /api/messages.')
param endpoint string

@description('Application (client) id of the Outreach Cases app registration: the bot\'s Microsoft App id (CLIENT_ID).')
param appClientId string

@description('Entra tenant of the app registration (the tenant the Teams app is used in).')
param tenantId string

@description('Azure Bot pricing tier. F0 is free; the Teams channel is a standard channel, not charged per message.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Tags put on the bot.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'SingleTenant'
    msaAppId: appClientId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
