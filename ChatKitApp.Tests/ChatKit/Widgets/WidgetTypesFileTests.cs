using System.Text.Json.Serialization.Metadata;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

/// <summary>
/// The typed builders against the element's own widget types: every component of
/// <c>types/widgets.d.ts</c> in the npm package <c>@openai/chatkit</c> has a builder that writes each
/// of its props, and a golden sample.
/// </summary>
public sealed class WidgetTypesFileTests
{
    /// <summary>Set by eng/test.sh, which installs the package with npm at a pinned version: the package's folder.</summary>
    private const string TypesVariable = "CHATKIT_NPM_TYPES";

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> ElementComponents()
    {
        var package = Environment.GetEnvironmentVariable(TypesVariable);
        var file = string.IsNullOrEmpty(package) ? null : Path.Combine(package, "types", "widgets.d.ts");
        Assert.True(
            file is not null && File.Exists(file),
            $"{TypesVariable} must name the folder of the npm package @openai/chatkit (with types/widgets.d.ts); eng/test.sh installs it with npm.");
        return TypeScriptWidgetTypes.Components(File.ReadAllText(file));
    }

    // The builders by the JSON type they write, from WidgetComponent's derived types.
    private static Dictionary<string, JsonTypeInfo> Builders()
    {
        var options = WidgetJsonContext.Default.Options;
        return WidgetJsonContext.Default.WidgetComponent.PolymorphismOptions!.DerivedTypes
            .ToDictionary(d => (string)d.TypeDiscriminator!, d => options.GetTypeInfo(d.DerivedType));
    }

    [Fact]
    public void Types_file_parses_to_the_components_it_declares()
    {
        var components = ElementComponents();

        // Guards the parser: a few known components and props of 1.9.0, intersections resolved.
        Assert.Contains("Table.Cell", components.Keys);
        Assert.Contains("onSubmitAction", components["Form"]);
        Assert.Contains("aspectRatio", components["Box"]); // Box = {...} & BoxBaseProps, which is {...} & BlockProps
        Assert.Contains("justify", components["Basic"]); // Pick<BoxBaseProps, 'gap' | 'padding' | 'align' | 'justify'>
        Assert.DoesNotContain("wrap", components["Basic"]);
        Assert.DoesNotContain("autoFocus", components["Text"]); // a prop of the nested editable object
        Assert.True(components.Count >= 29, $"only {components.Count} components found");
    }

    [Fact]
    public void Every_component_of_the_element_types_has_a_builder_writing_each_prop()
    {
        var builders = Builders();

        var missing = new List<string>();
        foreach (var (component, props) in ElementComponents())
        {
            if (!builders.TryGetValue(component, out var builder))
            {
                missing.Add(component);
                continue;
            }

            var written = builder.Properties.Select(p => p.Name).Append("type").ToHashSet();
            missing.AddRange(props.Where(p => !written.Contains(p)).Select(p => $"{component}.{p}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_component_of_the_element_types_has_a_golden_sample()
    {
        var withoutSample = ElementComponents().Keys.Where(c => !WidgetSamples.FullyPopulated.ContainsKey(c)).ToList();

        Assert.Empty(withoutSample);
    }
}
