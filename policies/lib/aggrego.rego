# Helpers shared by policies: `import data.aggrego.lib`.
package aggrego.lib

# A string for messages, whatever the input held.
text(x) := x if is_string(x)

text(x) := "unknown" if not is_string(x)
