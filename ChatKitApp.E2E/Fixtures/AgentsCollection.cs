namespace ChatKitApp.E2E.Fixtures;

[CollectionDefinition(Name)]
public sealed class AgentsCollection : ICollectionFixture<AgentsBrowserFixture>
{
    public const string Name = "agents";
}
