using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using ChatKitApp.ChatKit.Server;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ChatKitApp.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/ARCHITECTURE.md, checked over the built app assembly: <c>ChatKit/</c>
/// (protocol, server, store, widgets) knows nothing of the app around it and nothing of the
/// database, model or UI libraries the app picked, so it could be lifted into its own package.
/// </summary>
public sealed class DependencyRuleTests
{
    private const string ChatKitNamespaces = @"^ChatKitApp\.ChatKit(\..+)?$";

    private static readonly ArchUnitNET.Domain.Architecture App =
        new ArchLoader().LoadAssemblies(typeof(ChatKitServer<>).Assembly).Build();

    private static readonly IObjectProvider<IType> ChatKit =
        Types().That().ResideInNamespaceMatching(ChatKitNamespaces).As("ChatKit/ (protocol, server, store, widgets)");

    [Fact]
    public void ChatKit_namespaces_under_any_rule_hold_types_to_check()
    {
        // A rule over nothing passes whatever the code does; make sure it looks at the real types.
        Assert.Contains(App.Types, t => t.FullName == typeof(ChatKitServer<>).FullName);
        Assert.True(ChatKit.GetObjects(App).Count() > 100);
    }

    [Fact]
    public void ChatKit_under_the_dependency_rule_references_nothing_of_the_app()
    {
        IArchRule rule = Types().That().Are(ChatKit).Should().NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching(@"^ChatKitApp\.(?!ChatKit(\.|$)).+")
            .Because("ChatKit/ is the protocol; the app (auth, agents, stores, pages, hosting) plugs into it, never the other way");

        rule.Check(App);
    }

    [Theory]
    [InlineData("Npgsql", "the PostgreSQL store belongs to the app")]
    [InlineData("Dapper", "the PostgreSQL store belongs to the app")]
    [InlineData("OpenAI", "the model side belongs to the app")]
    [InlineData("Microsoft.Extensions.AI", "the model side belongs to the app")]
    [InlineData("Microsoft.Agents", "the model side belongs to the app")]
    [InlineData("Microsoft.AspNetCore.Components", "Blazor is the app's UI")]
    [InlineData("OpenTelemetry", "the host picks the telemetry library; ChatKit/ reports through System.Diagnostics only")]
    public void ChatKit_under_the_dependency_rule_references_no_library_the_app_picked(string library, string why)
    {
        IArchRule rule = Types().That().Are(ChatKit).Should().NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching("^" + library.Replace(".", @"\.", StringComparison.Ordinal) + @"(\..+)?$")
            .Because(why);

        rule.Check(App);
    }
}
