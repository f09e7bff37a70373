namespace ChatKitApp.Hosting;

/// <summary>Which zero-configuration defaults are active, so the UI can say so.</summary>
public sealed record AppStatus(bool UsesMemoryStore, bool UsesDemoModel);
