namespace ChatKitApp.ChatExport;

/// <summary>A source an answer cites: a web page (<see cref="Url"/>), a file or an app entity (<see cref="Detail"/>).</summary>
public sealed record TranscriptSource(string Title, string? Url, string? Detail);
