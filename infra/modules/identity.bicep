// The one identity of the service: the web app runs as it, the Azure Bot is registered with it
// (msaAppType UserAssignedMSI), and provisioning grants it Graph access (Sites.Selected on one
// site). Tokens come from the platform, so there is no client secret to keep or rotate.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity; the same as the web app\'s.')
param location string

@description('Tags put on the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id: what the web app and the Azure Bot refer to.')
output id string = identity.id

@description('Client (application) id: BOT_ID and CLIENT_ID of the app, and the bot id in the Teams manifest.')
output clientId string = identity.properties.clientId

@description('Object id of its service principal: what Graph permissions and the Sites.Selected grant are given to.')
output principalId string = identity.properties.principalId
