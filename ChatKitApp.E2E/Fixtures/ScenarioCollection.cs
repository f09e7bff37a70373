namespace ChatKitApp.E2E.Fixtures;

/// <summary>Element tests against the scripted responder, apart from the app's own responder tests.</summary>
[CollectionDefinition(Name)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioBrowserFixture>
{
    public const string Name = "scenario";
}
