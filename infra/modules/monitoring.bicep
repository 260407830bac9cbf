// Application Insights on a Log Analytics workspace. Nothing sends telemetry to it yet: the app
// gets a telemetry client only together with the scrubber that keeps child data out of it (a
// later step of issue 18). Local (instrumentation key) ingestion is off, so when telemetry comes
// it must be sent as the managed identity (that step also grants it Monitoring Metrics Publisher
// here).

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

@description('Resource id of the Application Insights component.')
output appInsightsId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name
