<#
.SYNOPSIS
  Lets Outreach Cases send mail and manage calendars for the service's staff only, with
  Exchange Online RBAC for Applications.

.DESCRIPTION
  Outreach Cases calls Microsoft Graph as its app registration ("Outreach Cases", CLIENT_ID).
  It sends letters from the service mailbox (users/{mailbox}/sendMail) and books, moves and
  cancels meetings in the staff's calendars (getSchedule, events, calendarView). Instead of
  Entra's tenant-wide Mail.Send and Calendars.ReadWrite, this script gives the app:
    - "Application Mail.Send" and "Application Calendars.ReadWrite",
    - scoped to the members of one mail-enabled security group (the staff and the service mailbox).
  Do NOT also grant Mail.Send or Calendars.ReadWrite to the app in Entra: permissions granted in
  both places add up, and the tenant-wide grant undoes the scope.

  Run it in PowerShell 7 with the ExchangeOnlineManagement module, signed in as an Exchange
  Administrator (or Global Administrator):
      Install-Module ExchangeOnlineManagement -Scope CurrentUser   # once
      ./scripts/exchange-rbac.ps1 -ClientId <CLIENT_ID> -ServicePrincipalObjectId <object id> `
          -StaffGroup outreach-staff@contoso.example -TestMailbox outreach@contoso.example

  It is safe to run again: each step looks for what it would create and leaves it alone when it
  is there already (it says "unchanged"). It changes nothing else.

.NOTES
  Cmdlets and parameters as documented on Microsoft Learn (Exchange Online PowerShell):
  New-ServicePrincipal (-AppId, -ObjectId, -DisplayName), New-ManagementScope
  (-RecipientRestrictionFilter), New-ManagementRoleAssignment (-App, -Role, -CustomResourceScope),
  Test-ServicePrincipalAuthorization (-Identity, -Resource).
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  # Application (client) id of the "Outreach Cases" app registration: the CLIENT_ID that
  # `npm run provision` printed.
  [Parameter(Mandatory = $true)]
  [guid] $ClientId,

  # Object id of its ENTERPRISE APPLICATION (service principal), not of the app registration:
  # Entra admin centre > Enterprise applications > Outreach Cases > Overview > Object ID, or
  # `az ad sp show --id <CLIENT_ID> --query id -o tsv`.
  [Parameter(Mandatory = $true)]
  [guid] $ServicePrincipalObjectId,

  # The mail-enabled security group whose members the app may act for: every member of staff
  # who uses Outreach Cases AND the service mailbox (SERVICE_MAILBOX). Its name, alias or address.
  [Parameter(Mandatory = $true)]
  [string] $StaffGroup,

  # A mailbox to check the result against (the service mailbox is a good choice).
  [string] $TestMailbox,

  [string] $DisplayName = 'Outreach Cases',
  [string] $ScopeName = 'Outreach Cases staff',

  # Optional, off by default: also let the app READ the service mailbox's Sent Items, scoped to
  # that one mailbox. See docs/deploy.md, "Permissions", the open point on Sent Items.
  [string] $SentItemsMailbox
)

$ErrorActionPreference = 'Stop'

function Write-Step([string] $Mark, [string] $Text) { Write-Host "$Mark $Text" }

# 1. Sign in to Exchange Online (a browser window or device code; MFA as usual).
if (-not (Get-Command Get-ServicePrincipal -ErrorAction SilentlyContinue)) {
  Import-Module ExchangeOnlineManagement
  Connect-ExchangeOnline -ShowBanner:$false
}

# 2. The app's service principal as Exchange knows it: a pointer to the Entra enterprise app.
$sp = Get-ServicePrincipal -ErrorAction SilentlyContinue | Where-Object { $_.AppId -eq "$ClientId" }
if ($sp) {
  Write-Step '✓' "service principal: unchanged ($($sp.DisplayName))"
} elseif ($PSCmdlet.ShouldProcess($DisplayName, 'New-ServicePrincipal')) {
  $sp = New-ServicePrincipal -AppId "$ClientId" -ObjectId "$ServicePrincipalObjectId" -DisplayName $DisplayName
  Write-Step '+' "service principal: created ($DisplayName)"
}
if ($sp -and "$($sp.ObjectId)" -ne "$ServicePrincipalObjectId") {
  throw "Exchange has a service principal for app $ClientId with object id $($sp.ObjectId), not $ServicePrincipalObjectId. Check that you gave the enterprise application's object id."
}

# 3. The scope: members of the staff group. The filter needs the group's distinguished name.
#    Only direct members count (a group nested inside it is not expanded).
$group = Get-Group -Identity $StaffGroup
$filter = "MemberOfGroup -eq '$($group.DistinguishedName)'"
$scope = Get-ManagementScope -Identity $ScopeName -ErrorAction SilentlyContinue
if (-not $scope) {
  if ($PSCmdlet.ShouldProcess($ScopeName, 'New-ManagementScope')) {
    $scope = New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $filter
    Write-Step '+' "management scope: created ($ScopeName = members of $($group.DisplayName))"
  }
} elseif ($scope.RecipientFilter -ne $filter) {
  if ($PSCmdlet.ShouldProcess($ScopeName, 'Set-ManagementScope')) {
    Set-ManagementScope -Identity $ScopeName -RecipientRestrictionFilter $filter
    Write-Step '~' "management scope: updated ($ScopeName now = members of $($group.DisplayName))"
  }
} else {
  Write-Step '✓' "management scope: unchanged ($ScopeName)"
}

# 4. The two roles, each limited to that scope.
function Set-ScopedRole([string] $Role, [string] $Scope) {
  $name = "$DisplayName - $Role"
  if ($name.Length -gt 64) { $name = $name.Substring(0, 64) }
  $existing = Get-ManagementRoleAssignment -Role $Role -ErrorAction SilentlyContinue |
    Where-Object { $_.Name -eq $name -or "$($_.RoleAssigneeName)" -in @("$ServicePrincipalObjectId", $DisplayName) }
  if ($existing) {
    if ($existing.CustomResourceScope -ne $Scope) {
      Write-Warning "$Role is assigned to the app with scope '$($existing.CustomResourceScope)', not '$Scope'. Remove it (Remove-ManagementRoleAssignment -Identity '$($existing.Name)') and run this script again."
    } else {
      Write-Step '✓' "role ${Role}: unchanged (scope $Scope)"
    }
    return
  }
  if ($PSCmdlet.ShouldProcess($Role, 'New-ManagementRoleAssignment')) {
    New-ManagementRoleAssignment -Name $name -App "$ServicePrincipalObjectId" -Role $Role -CustomResourceScope $Scope | Out-Null
    Write-Step '+' "role ${Role}: assigned (scope $Scope)"
  }
}
Set-ScopedRole 'Application Mail.Send' $ScopeName
Set-ScopedRole 'Application Calendars.ReadWrite' $ScopeName

# 5. Optional: read access to the service mailbox's Sent Items only (a scope of one mailbox).
if ($SentItemsMailbox) {
  $oneMailbox = 'Outreach Cases service mailbox'
  $mailbox = Get-Mailbox -Identity $SentItemsMailbox
  $mailboxFilter = "PrimarySmtpAddress -eq '$($mailbox.PrimarySmtpAddress)'"
  if (-not (Get-ManagementScope -Identity $oneMailbox -ErrorAction SilentlyContinue)) {
    if ($PSCmdlet.ShouldProcess($oneMailbox, 'New-ManagementScope')) {
      New-ManagementScope -Name $oneMailbox -RecipientRestrictionFilter $mailboxFilter | Out-Null
      Write-Step '+' "management scope: created ($oneMailbox = $($mailbox.PrimarySmtpAddress))"
    }
  } else {
    Write-Step '✓' "management scope: unchanged ($oneMailbox)"
  }
  Set-ScopedRole 'Application Mail.Read' $oneMailbox
}

# 6. Check: what the app may do in one mailbox. Expect InScope True for both roles when the
#    mailbox is in the staff group, and False for a mailbox that is not. Changes can take a
#    while to reach Exchange's cache: if a call fails at first, wait and try again.
if ($TestMailbox) {
  Test-ServicePrincipalAuthorization -Identity "$ServicePrincipalObjectId" -Resource $TestMailbox | Format-Table RoleName, GrantedPermissions, AllowedResourceScope, ScopeType, InScope
}
Write-Host 'Done. Add new staff to the group; nothing else needs to change.'
