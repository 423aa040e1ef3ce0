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
#     Set AllAwsRegions to true (Terraform: all_regions = true; awscc: all_aws_regions = true)
#     on every aggregation source and remove the region list.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
#   references:
#     checkov: CKV_AWS_121
#     kics: ac5a0bc0-a54c-45aa-90c3-15f7703b9132
#     trivy: AWS-0019
package aggrego.not_all_regions

import data.aggrego.lib

deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	field := src.all_regions
	field.known
	not field.value == true
	finding := {
		"msg": [
			"%s: %s does not aggregate all regions: %s %s (regions aggregated: %s)",
			a.label, src.what, a.names.all_regions, why[field.explicit], lib.list_words(src.regions, a.names.regions),
		],
		"loc": field.loc,
		"remediation": fix(a, src),
	}
}

why := {true: "is false", false: "is not set and defaults to false"}

# The API output: the complete command, with the aggregator's own sources.
fix(a, _) := sprintf("Make every source collect all regions (current and future): %s", [lib.put_all_regions(a)]) if a.kind == "aws-cli"

# A definition: the change, in its own language.
fix(a, src) := sprintf("In %s, set %s and remove %s.", [
	lib.place(a, src), lib.assign(a, a.names.all_regions, "true"), a.names.regions,
]) if {
	a.kind != "aws-cli"
	src.regions.explicit
}

fix(a, src) := sprintf("In %s, set %s.", [lib.place(a, src), lib.assign(a, a.names.all_regions, "true")]) if {
	a.kind != "aws-cli"
	not src.regions.explicit
}
