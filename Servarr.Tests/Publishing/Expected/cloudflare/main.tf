# Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.
provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

resource "cloudflare_zero_trust_tunnel_cloudflared" "servarr" {
  account_id    = var.account_id
  name          = "servarr"
  tunnel_secret = var.tunnel_secret
  config_src    = "cloudflare"
}

resource "cloudflare_zero_trust_tunnel_cloudflared_config" "servarr" {
  account_id = var.account_id
  tunnel_id  = cloudflare_zero_trust_tunnel_cloudflared.servarr.id
  config = {
    ingress = [
      { hostname = "plex.${var.domain}", service = "http://plex:32400" },
      { hostname = "seerr.${var.domain}", service = "http://seerr:5055" },
      { hostname = "wizarr.${var.domain}", service = "http://wizarr:5690" },
      { hostname = "status.${var.domain}", path = "^/(status/[A-Za-z0-9]+(-[A-Za-z0-9]+)*(/|/rss)?|api/status-page/[A-Za-z0-9]+(-[A-Za-z0-9]+)*|api/status-page/heartbeat/[A-Za-z0-9]+(-[A-Za-z0-9]+)*|api/status-page/[A-Za-z0-9]+(-[A-Za-z0-9]+)*/(manifest\\.json|incident-history|badge)|assets/[^/]+|upload/logo[0-9]+\\.png|icon\\.svg|favicon\\.ico|icon(-192x192|-512x512)?\\.png|apple-touch-icon(-precomposed)?\\.png|manifest\\.json|serviceWorker\\.js|robots\\.txt)$", service = "http://uptime-kuma:3001" },
      { hostname = "ssh.${var.domain}", service = var.ssh_origin },
      { service = "http_status:404" },
    ]
  }
}

resource "cloudflare_dns_record" "plex" {
  zone_id = var.zone_id
  name    = "plex.${var.domain}"
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.servarr.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1
}

resource "cloudflare_dns_record" "seerr" {
  zone_id = var.zone_id
  name    = "seerr.${var.domain}"
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.servarr.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1
}

resource "cloudflare_dns_record" "wizarr" {
  zone_id = var.zone_id
  name    = "wizarr.${var.domain}"
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.servarr.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1
}

resource "cloudflare_dns_record" "status" {
  zone_id = var.zone_id
  name    = "status.${var.domain}"
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.servarr.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1
}

resource "cloudflare_dns_record" "ssh" {
  zone_id = var.zone_id
  name    = "ssh.${var.domain}"
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.servarr.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1
}

resource "cloudflare_zero_trust_access_policy" "ssh" {
  account_id = var.account_id
  name       = "SSH: listed identities only"
  decision   = "allow"
  include    = [for email in var.ssh_allowed_emails : { email = { email = email } }]
}

resource "cloudflare_zero_trust_access_policy" "ssh_service_tokens" {
  count      = length(var.ssh_service_token_ids) > 0 ? 1 : 0
  account_id = var.account_id
  name       = "SSH: listed service tokens only"
  decision   = "non_identity"
  include    = [for id in var.ssh_service_token_ids : { service_token = { token_id = id } }]
}

resource "cloudflare_zero_trust_access_application" "ssh" {
  account_id = var.account_id
  name       = "SSH"
  domain     = "ssh.${var.domain}"
  type       = "self_hosted"
  policies = concat(
    [{ id = cloudflare_zero_trust_access_policy.ssh.id, precedence = 1 }],
    [for policy in cloudflare_zero_trust_access_policy.ssh_service_tokens : { id = policy.id, precedence = 2 }],
  )
}
