//! Terraform `.tf` modules and `terraform show -json` plans holding `aws_config_configuration_aggregator`.
