namespace ChatKitApp.ChatKit.Widgets;

/// <summary>An image by absolute or data URL, sized by the block props.</summary>
public sealed record Image : BlockComponent
{
    public required string Src { get; init; }

    public string? Alt { get; init; }

    /// <summary>How it fills its box: <c>cover</c>, <c>contain</c>, <c>fill</c>, <c>scale-down</c> or <c>none</c>.</summary>
    public string? Fit { get; init; }

    /// <summary>Its focal point: <c>top left</c>, <c>top</c>, … <c>center</c> … <c>bottom right</c>.</summary>
    public string? Position { get; init; }

    /// <summary>Draws a subtle frame around it.</summary>
    public bool? Frame { get; init; }

    /// <summary>Reaches the container's edges through its padding.</summary>
    public bool? Flush { get; init; }
}
