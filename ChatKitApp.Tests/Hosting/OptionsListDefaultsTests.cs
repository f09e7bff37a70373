using System.Collections;
using System.Reflection;

namespace ChatKitApp.Tests.Hosting;

/// <summary>
/// Configuration binding appends to a list it finds filled, so a list-valued setting with a filled
/// default could only grow: an operator could never remove a default entry. Every options class
/// therefore starts its lists empty and applies defaults only when configuration gives none.
/// </summary>
public sealed class OptionsListDefaultsTests
{
    public static TheoryData<Type> OptionsTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(IsOptionsSection).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void The_options_sections_are_found()
    {
        Assert.True(OptionsTypes().Count >= 10, "expected every ChatKit options class (a public SectionName constant)");
    }

    [Theory]
    [MemberData(nameof(OptionsTypes))]
    public void Every_list_valued_option_starts_empty_so_configuration_replaces_its_default(Type optionsType)
    {
        var options = Activator.CreateInstance(optionsType)!;
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsList(p.PropertyType)))
        {
            var value = (IEnumerable?)property.GetValue(options);
            Assert.True(value is null || !value.Cast<object>().Any(), $"{optionsType.Name}.{property.Name} has a filled default, which configuration would append to");
        }
    }

    private static bool IsOptionsSection(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true }
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
