namespace   = "example"
environment = "dev"
name        = "org-aggregator"
region      = "us-east-1"

enable_all_regions = true

enable_organization_aggregation  = true
organization_aggregator_role_arn = null

tags = {
  Example = "CONFIG_ORG_AGGREGATOR"
}
