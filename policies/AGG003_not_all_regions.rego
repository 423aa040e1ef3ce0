# METADATA
# title: Aggregator source does not cover all regions
# description: |
#   What it does: reports every aggregation source (account or organization) that does not
#   aggregate all AWS regions: `AllAwsRegions` / `all_regions` is false, or left out (the API
#   default is false) with a region list instead.
#
#   Why it matters: regions outside the list are not aggregated. Resources created there,
#   including in regions enabled later, are invisible to the aggregated compliance view, which
#   is exactly where unmonitored activity tends to happen.
#
#   How to fix: set `AllAwsRegions: true` (CloudFormation, API) or `all_regions = true`
#   (Terraform) and remove the region list.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_AccountAggregationSource.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_aggregator#all_regions
# custom:
#   id: AGG003
#   severity: medium
#   remediation: |
#     Set AllAwsRegions to true (Terraform: all_regions = true) on every aggregation source and
#     remove the region list.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
#   references:
#     checkov: CKV_AWS_121
#     kics: ac5a0bc0-a54c-45aa-90c3-15f7703b9132
#     trivy: AWS-0019
package aggrego.not_all_regions


deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	field := src.all_regions
	field.known
	not field.value == true
	finding := {
		"msg": [
			"%s: %s does not aggregate all regions: %s %s (regions aggregated: %L)",
			a.label, src.what, a.names.all_regions, why[field.explicit], src.regions.value,
		],
		"loc": field.loc,
		"remediation": [fixes[a.kind], a.name.value, a.region],
	}
}

why := {true: "is false", false: "is not set and defaults to false"}

# Formats; the arguments are the aggregator's name and region.
fixes := {
	"terraform": "Set all_regions = true in the aggregation source block and remove regions.",
	"terraform-plan": "Set all_regions = true in the aggregation source block and remove regions.",
	"cloudformation": "Set AllAwsRegions: true on the aggregation source and remove AwsRegions.",
	"aws-cli": "Update the aggregator to cover all regions: aws configservice put-configuration-aggregator --configuration-aggregator-name %s with AllAwsRegions=true on each source (and no AwsRegions) --region %s",
}
