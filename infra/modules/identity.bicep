// The one identity of the service: the web app runs as it, and the Outreach Cases app registration
// trusts it by a federated credential (subject: its principal id), so the app signs in as that
// registration (the bot, the Graph client) with the identity's token. Tokens come from the
// platform, so there is no client secret to keep or rotate.

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

@description('Resource id: what the web app runs as.')
output id string = identity.id

@description('Client id: the app\'s MANAGED_IDENTITY_CLIENT_ID, which asks for the identity\'s token.')
output clientId string = identity.properties.clientId

@description('Object (principal) id: the subject of the app registration\'s federated credential.')
output principalId string = identity.properties.principalId
