namespace ChatKitApp.Limits;

/// <summary>Which open-stream cap refused a stream; <see cref="None"/> when the stream may open.</summary>
public enum StreamCap
{
    None = 0,
    User = 1,
    Address = 2,
}
