# Helpers shared by policies: `import data.aggrego.lib`.
package aggrego.lib

# A string for messages, whatever the input held.
text(x) := x if is_string(x)

text(x) := "unknown" if not is_string(x)

# A value for a command, or a placeholder marked as one (`<aggregator-region>`).
arg(x, _) := x if is_string(x)

arg(x, placeholder) := sprintf("<%s>", [placeholder]) if not is_string(x)

terraform_kinds := {"terraform", "terraform-plan"}

# The string values of a list field, skipping elements that are not known strings.
strings(field) := [v.value | some v in field.value; is_string(v.value)] if is_array(field.value)

strings(field) := [] if not is_array(field.value)

# A source whose region list is known to be empty or absent. Without all
# regions too, the API rejects it: AGG008 reports that, and AGG003 leaves it.
no_regions(src) if {
	src.regions.known
	src.regions.value in {null, []}
}

# Whether an aggregator (API output) collects region `r`: a source with all
# regions (present and future), or a region list naming it.
collects(a, _) if {
	some src in a.sources
	src.all_regions.value == true
}

collects(a, r) if {
	some src in a.sources
	is_array(src.regions.value)
	some x in src.regions.value
	x.value == r
}

# ---------------------------------------------------------------- fixes
# Remediations are complete commands with the real names filled in, patches in
# the definition's own language, or templates whose placeholders are `<marked>`.

# The `put-configuration-aggregator` command that redefines aggregator `a` (API
# output) with its sources as they are but every source collecting all regions.
put_all_regions(a) := sprintf(
	"aws configservice put-configuration-aggregator --configuration-aggregator-name %s %s --region %s",
	[arg(a.name.value, "aggregator-name"), source_args(a), arg(a.region, "aggregator-region")],
)

source_args(a) := sprintf("--organization-aggregation-source '%s'", [json.marshal({
	"RoleArn": arg(a.organization_source.role_arn.value, "role-arn"),
	"AllAwsRegions": true,
})]) if a.organization_source != null

source_args(a) := sprintf("--account-aggregation-sources '%s'", [json.marshal([s |
	some src in a.account_sources
	s := {"AccountIds": strings(src.account_ids), "AllAwsRegions": true}
])]) if a.organization_source == null

# A source's regions as the API takes them: `AllAwsRegions`, or its region list.
source_regions(src) := {"AllAwsRegions": true} if src.all_regions.value == true

source_regions(src) := {"AwsRegions": strings(src.regions)} if not src.all_regions.value == true

# Where a source is, in the definition's own terms: the resource and, for
# CloudFormation, the property path.
place(a, src) := sprintf("%s.Properties.%s", [a.address, src.what]) if a.kind == "cloudformation"

place(a, src) := sprintf("%s of %s", [src.what, a.address]) if not a.kind in {"cloudformation", "aws-cli"}

place(a, src) := sprintf("%s of aggregator %s", [src.what, text(a.name.value)]) if a.kind == "aws-cli"

# `key: value` in the template's syntax, or `key = value` in HCL.
assign(a, key, value) := sprintf(assign_formats[a.syntax], [key, value])

assign_formats := {"hcl": "%s = %s", "yaml": "%s: %s", "json": "\"%s\": %s", "api": "\"%s\": %s"}
