using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>How every options section of the app is registered: bound, validated, checked at start-up.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="sectionName"/>, validates its data
    /// annotations with messages that name the full key (<see cref="SectionAnnotationsValidator{TOptions}"/>)
    /// and checks them when the app starts, so a bad value stops the app instead of a later request.
    /// Add cross-setting rules with <c>.Validate(…)</c> on the returned builder.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionAnnotationsValidator<TOptions>(sectionName)));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
