# Helpers shared by policies: `import data.aggrego.lib`.
package aggrego.lib

# A string for messages, whatever the input held.
text(x) := x if is_string(x)

text(x) := "unknown" if not is_string(x)

terraform_kinds := {"terraform", "terraform-plan"}

# The string values of a list field, skipping elements that are not known strings.
strings(field) := [v.value | some v in field.value; is_string(v.value)] if is_array(field.value)

strings(field) := [] if not is_array(field.value)
