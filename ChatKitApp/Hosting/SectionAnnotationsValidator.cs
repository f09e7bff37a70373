using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>
/// Data-annotation validation of one configuration section whose messages name the setting's
/// full key (<c>The field ChatKit:Limits:DefaultPageSize must be between 1 and 1000.</c>), so the
/// one line an operator reads at a failed start-up says which setting to fix and why. The plain
/// <c>ValidateDataAnnotations</c> names only the property.
/// </summary>
internal sealed class SectionAnnotationsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(string sectionName)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{sectionName}:{property.Name}";
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            var value = property.GetValue(options);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.GetValidationResult(value, context) is { ErrorMessage: { } message })
                {
                    failures.Add(message.Contains(key, StringComparison.Ordinal) ? message : $"{key}: {message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
