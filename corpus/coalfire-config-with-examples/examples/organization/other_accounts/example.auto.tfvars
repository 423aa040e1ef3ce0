is_gov          = true
aws_region      = "us-gov-west-1"
resource_prefix = "root" #update to align with root account resource_prefix