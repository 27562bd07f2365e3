variable "cloudflare_api_token" {
  description = "API token with Cloudflare Tunnel, DNS and Access: Apps and Policies edit rights"
  type        = string
  sensitive   = true
}

variable "account_id" {
  description = "Cloudflare account id"
  type        = string
}

variable "zone_id" {
  description = "Zone id of the domain"
  type        = string
}

variable "domain" {
  description = "The domain; public hostnames are <app>.<domain>"
  type        = string
}

variable "tunnel_secret" {
  description = "Tunnel secret: at least 32 random bytes, base64 (openssl rand -base64 32)"
  type        = string
  sensitive   = true
}

variable "ssh_origin" {
  description = "Where ssh.<domain> goes, as seen from cloudflared"
  type        = string
  default     = "ssh://host.docker.internal:22"
}

variable "ssh_allowed_emails" {
  description = "Identities allowed through Access to SSH (e.g. the owner's Google account)"
  type        = list(string)
}

variable "ssh_service_token_ids" {
  description = "Access service token ids allowed to SSH (e.g. GitHub Actions)"
  type        = list(string)
  default     = []
}
