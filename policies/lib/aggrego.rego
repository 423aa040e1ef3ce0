# Helpers shared by policies: `import data.aggrego.lib`.
package aggrego.lib

# A string for messages, whatever the input held.
text(x) := x if is_string(x)

text(x) := "unknown" if not is_string(x)

terraform_kinds := {"terraform", "terraform-plan"}

# An attribute's name as the input kind spells it.
attribute_names := {
	"all_regions": ["all_regions", "AllAwsRegions"],
	"regions": ["regions", "AwsRegions"],
	"account_ids": ["account_ids", "AccountIds"],
	"role_arn": ["role_arn", "RoleArn"],
	"name": ["name", "ConfigurationAggregatorName"],
	"account_sources": ["account_aggregation_source", "AccountAggregationSources"],
	"organization_source": ["organization_aggregation_source", "OrganizationAggregationSource"],
	"tags": ["tags", "Tags"],
}

attr(a, key) := attribute_names[key][0] if a.kind in terraform_kinds

attr(a, key) := attribute_names[key][1] if not a.kind in terraform_kinds

# How a finding names the aggregator: its resource address, or its name in a describe output.
label(a) := sprintf("aggregator %s", [a.name.value]) if {
	a.kind == "aws-cli"
	is_string(a.name.value)
}

label(a) := sprintf("%s (%s)", [a.address, a.kind]) if not a.kind == "aws-cli"

label(a) := sprintf("aggregator at %s", [a.address]) if {
	a.kind == "aws-cli"
	not is_string(a.name.value)
}

# Every source of an aggregator, with words for messages.
sources(a) := array.concat(
	[{"what": sprintf("%s[%d]", [attr(a, "account_sources"), i]), "source": s, "organization": false} |
		some i, s in a.account_sources
	],
	[{"what": attr(a, "organization_source"), "source": a.organization_source, "organization": true} |
		a.organization_source != null
	],
)

# The string values of a list field, skipping elements that are not known strings.
strings(field) := [v.value | some v in field.value; is_string(v.value)] if is_array(field.value)

strings(field) := [] if not is_array(field.value)
