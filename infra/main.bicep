// Outreach Cases in one resource group: a managed identity, the web app on App Service for Linux
// (Node 22 LTS) running as it, the Azure Bot connected to Teams, and Application Insights.
// The bot, the tab's sign-in and the Graph client are ONE Entra app registration (appClientId),
// made before this by `npm run provision`. It trusts the managed identity by a federated
// credential (`npm run provision -- --managed-identity <identityPrincipalId>` after this), so the
// app signs in as that registration with the identity's token: no secret is made, passed in or
// put out. See README.md here.
//
// Deploy to a resource group of a subscription in the school's Microsoft 365 tenant: the identity
// belongs to the subscription's tenant, and Teams and Graph must trust it there.

targetScope = 'resourceGroup'

@description('Azure region of everything but the bot (an Azure Bot is global). Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Name of the web app, unique across Azure; the other resources\' names start with it.')
@minLength(2)
@maxLength(40)
param appName string = 'outreach-${uniqueString(resourceGroup().id)}'

@description('App Service plan tier: B1 or higher (Always On needs Basic at least).')
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
param planSku string = 'B1'

@description('Azure Bot tier: F0 (free) is enough for Teams, a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Application (client) id of the Outreach Cases app registration that `npm run provision` made (it prints it): the bot\'s Microsoft App id, the tab\'s sign-in and the Graph client (app setting CLIENT_ID).')
@minLength(36)
@maxLength(36)
param appClientId string

@description('Name people see for the bot in Teams.')
param botDisplayName string = 'Outreach Cases'

@description('SharePoint host name of the service\'s site, e.g. contoso.sharepoint.com (app setting SITE_HOSTNAME).')
param siteHostname string

@description('Server-relative path of the service\'s site, e.g. /sites/outreach (app setting SITE_PATH).')
param sitePath string

@description('The service\'s name, shown in letters and mail subjects (app setting SERVICE_NAME).')
param serviceName string = 'Outreach Service'

@description('Mailbox (address or user id) that letters and notifications are sent from (app setting SERVICE_MAILBOX).')
param serviceMailbox string

@description('Teams channel id (19:...@thread.tacv2) for new referrals, allocations and contract decisions; empty for none (app setting TEAM_CHANNEL_ID).')
param teamChannelId string = ''

@description('https link of the online school evaluation form; empty to attach the form made from its template (app setting EVALUATION_FORM_URL).')
param evaluationFormUrl string = ''

@description('Lowest level written to the app\'s JSON log (app setting LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Command App Service runs to start the app in the deployed folder (the zip made by npm run package:deploy). node itself, so the app gets App Service\'s stop signal.')
param startupCommand string = 'node server.cjs'

@description('Days the Log Analytics workspace keeps telemetry (30 to 730).')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  product: 'outreach-cases'
}

module identity 'modules/identity.bicep' = {
  name: 'outreach-identity'
  params: {
    name: '${appName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'outreach-monitoring'
  params: {
    workspaceName: '${appName}-logs'
    appInsightsName: '${appName}-insights'
    location: location
    retentionInDays: telemetryRetentionDays
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

// Every setting app/config.ts needs in tenant mode: the app registration and, as its credential,
// the managed identity (no secret; tests/infra parses this list with the config schema). The app
// treats an empty value as unset, so the optional ones may stay empty.
var appSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'TENANT_ID'
    value: tenant().tenantId
  }
  {
    name: 'CLIENT_ID'
    value: appClientId
  }
  {
    name: 'MANAGED_IDENTITY_CLIENT_ID'
    value: identity.outputs.clientId
  }
  {
    name: 'SITE_HOSTNAME'
    value: siteHostname
  }
  {
    name: 'SITE_PATH'
    value: sitePath
  }
  {
    name: 'SERVICE_NAME'
    value: serviceName
  }
  {
    name: 'SERVICE_MAILBOX'
    value: serviceMailbox
  }
  {
    name: 'TEAM_CHANNEL_ID'
    value: teamChannelId
  }
  {
    name: 'EVALUATION_FORM_URL'
    value: evaluationFormUrl
  }
  {
    name: 'PLAYGROUND'
    value: 'off'
  }
  {
    name: 'DEMO_HISTORY'
    value: 'off'
  }
  {
    name: 'JOBS'
    value: 'on'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.ingestion
  }
  {
    // The package is built before it is deployed (npm ci, npm run build:tab): no build on the server.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

module app 'modules/appService.bicep' = {
  name: 'outreach-app'
  params: {
    planName: '${appName}-plan'
    appName: appName
    location: location
    planSku: planSku
    identityId: identity.outputs.id
    appSettings: appSettings
    startupCommand: startupCommand
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'outreach-bot'
  params: {
    name: '${appName}-bot'
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    appClientId: appClientId
    tenantId: tenant().tenantId
    sku: botSku
    tags: tags
  }
}

@description('Name of the web app (az webapp deploy --name).')
output appName string = app.outputs.name

@description('Host name Teams reaches the app on: PUBLIC_HOSTNAME when packaging the Teams app.')
output publicHostname string = app.outputs.defaultHostName

@description('Object (principal) id of the managed identity: run `npm run provision -- --managed-identity <this>` so the app registration trusts it (the federated credential\'s subject).')
output identityPrincipalId string = identity.outputs.principalId

@description('Client id of the managed identity: the web app\'s MANAGED_IDENTITY_CLIENT_ID (already set).')
output identityClientId string = identity.outputs.clientId

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Name of the Application Insights component (the app\'s scrubbed telemetry).')
output appInsightsName string = monitoring.outputs.appInsightsName
