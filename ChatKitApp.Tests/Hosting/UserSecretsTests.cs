using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace ChatKitApp.Tests.Hosting;

/// <summary><c>dotnet user-secrets</c> works in the project folder, and the app reads what it stores in Development.</summary>
public sealed class UserSecretsTests
{
    [Fact]
    public void The_app_assembly_carries_a_user_secrets_id()
    {
        var id = typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>();

        Assert.NotNull(id);
        Assert.False(string.IsNullOrWhiteSpace(id.UserSecretsId));
    }

    [Fact]
    public async Task Dotnet_user_secrets_set_in_the_project_folder_stores_the_key_where_the_app_reads_it_in_Development()
    {
        var home = Directory.CreateTempSubdirectory("chatkit-home-");
        try
        {
            var project = Path.Combine(RepositoryRoot(), "ChatKitApp");
            await UserSecretsSetAsync(project, home.FullName, "ChatKit:Model:ApiKey", "sk-from-user-secrets");
            // A value that stops the app, so the test sees the app read the secrets file.
            await UserSecretsSetAsync(project, home.FullName, "ChatKit:Model:MaxRetries", "99");

            var id = typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
            var secrets = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(home.FullName, ".microsoft", "usersecrets", id, "secrets.json")))!;
            Assert.Equal("sk-from-user-secrets", secrets["ChatKit:Model:ApiKey"]!.GetValue<string>());

            var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                AppProcess.StartAsync(new Dictionary<string, string> { ["HOME"] = home.FullName }, CancellationToken.None));
            Assert.Contains("ChatKit:Model:MaxRetries must be between 0 and 10 (was 99)", stopped.Message, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static async Task UserSecretsSetAsync(string project, string home, string key, string value)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "user-secrets", "set", key, value })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment.Remove("APPDATA");
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet user-secrets set failed ({process.ExitCode}): {await output}{await error}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatKitApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ChatKitApp.sln) was not found above the test assembly.");
    }
}
