using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Agents.Guardrails;

public static class GuardrailServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GuardrailOptions"/> (validated at start), the two built-in guardrails and the middleware that runs them all.</summary>
    public static IServiceCollection AddGuardrails(this IServiceCollection services)
    {
        services.AddOptions<GuardrailOptions>().BindConfiguration(GuardrailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardrail, MaxInputCharsGuardrail>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardrail, BlockedTermsGuardrail>());
        services.TryAddSingleton<GuardrailMiddleware>();
        return services;
    }
}
