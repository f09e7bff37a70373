using ChatKitApp.Components.Chat;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>Blazor's component factory hook: every <see cref="ChatKitPanel"/> becomes a <see cref="RecordingChatKitPanel"/>.</summary>
public sealed class RecordingComponentActivator(PanelRecorder recorder) : IComponentActivator
{
    public IComponent CreateInstance(Type componentType)
    {
        if (componentType == typeof(ChatKitPanel))
        {
            var panel = new RecordingChatKitPanel();
            recorder.Add(panel);
            return panel;
        }

        return (IComponent)Activator.CreateInstance(componentType)!;
    }
}
