using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Thread status; the server stores and echoes it but never enforces it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActiveStatus), "active")]
[JsonDerivedType(typeof(LockedStatus), "locked")]
[JsonDerivedType(typeof(ClosedStatus), "closed")]
public abstract record ThreadStatus
{
    public static ThreadStatus Active { get; } = new ActiveStatus();
}
