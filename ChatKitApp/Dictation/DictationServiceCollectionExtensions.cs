using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Dictation;

public static class DictationServiceCollectionExtensions
{
    /// <summary>
    /// Answers <c>input.transcribe</c> with the provider's speech-to-text (<see cref="ProviderTranscriber"/>),
    /// within the limits of <c>ChatKit:Dictation</c>. Without <c>ChatKit:Model:TranscriptionModel</c>
    /// it answers 501, as the engine does without a transcriber.
    /// </summary>
    public static IServiceCollection AddDictation(this IServiceCollection services)
    {
        services.AddValidatedOptions<DictationOptions>(DictationOptions.SectionName)
            .Validate(
                o => o.AllowedTypes.All(DictationOptions.KnownTypes.ContainsKey),
                $"ChatKit:Dictation:AllowedTypes may list only audio types the transcription endpoint reads: {string.Join(", ", DictationOptions.KnownTypes.Keys)}.");
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IChatKitTranscriber<ChatKitRequestContext>, ProviderTranscriber>());
        return services;
    }
}
