is_gov          = true
aws_region      = "us-gov-west-1"
resource_prefix = "mgmt" #update to align with mgmt account resource_prefix