terraform {
  required_version = ">= 0.14.2"
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}
