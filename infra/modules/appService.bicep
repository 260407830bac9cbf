// The web app: the bot endpoint (/api/messages), the tab (/tab) and /healthz, on App Service for
// Linux with Node 22 LTS, running as the managed identity.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app (its default host name starts with it).')
param appName string

@description('Azure region of the plan and the web app.')
param location string

@description('Plan pricing tier. Basic (B1) or higher: Always On is not available on Free or Shared.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string

@description('Resource id of the user-assigned managed identity the web app runs as.')
param identityId string

@description('App settings (environment variables) of the web app, as name and value pairs.')
param appSettings array

@description('Command that starts the app in the deployed folder.')
param startupCommand string

@description('Tags put on the plan and the web app.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    // One instance: the case locks that make a chat submit and a tab submit on the same case take
    // turns live in the app's memory (app/bot/caseLocks.ts). Scale up, not out, until they move.
    capacity: 1
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      healthCheckPath: '/healthz'
      appCommandLine: startupCommand
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: appSettings
    }
  }
}

// No publishing password either: deployments sign in with Entra ID (az webapp deploy), not with
// the FTP or Kudu basic credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the web app.')
output name string = site.name

@description('Default host name of the web app, e.g. outreach-abc123.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
