// Application Insights on a Log Analytics workspace. The app sends its own telemetry here
// (app/telemetry: requests by route template, Graph calls by path template, errors by type and
// code), every envelope scrubbed of child data before it leaves. Local (instrumentation key)
// ingestion is off: the app sends as the managed identity, which is granted Monitoring Metrics
// Publisher on this component and nothing else. The connection string therefore only says where
// to send (its key alone is refused), and it goes to the app's settings, never to main.bicep's
// outputs.

@description('Name of the Log Analytics workspace that stores the telemetry.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region of both.')
param location string

@description('Days the workspace keeps data (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags put on both.')
param tags object

@description('Object (principal) id of the managed identity the app sends telemetry as.')
param publisherPrincipalId string

// Built-in role "Monitoring Metrics Publisher": sends telemetry to a component with local auth off.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Resource id of the Application Insights component.')
output appInsightsId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Where the app sends telemetry (APPLICATIONINSIGHTS_CONNECTION_STRING). Not a secret with local auth off, but kept out of main.bicep\'s outputs.')
output ingestion string = appInsights.properties.ConnectionString
