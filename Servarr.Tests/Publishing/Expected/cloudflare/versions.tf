# Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.
terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }
}
