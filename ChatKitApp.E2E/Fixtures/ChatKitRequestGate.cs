using Microsoft.Playwright;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// Holds a page's ChatKit requests of one type in the browser until <see cref="Release"/>, so a
/// test can act while they are in flight. Other requests pass untouched.
/// </summary>
public sealed class ChatKitRequestGate
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChatKitRequestGate()
    {
    }

    /// <summary>Starts holding every request of <paramref name="type"/> (e.g. <c>threads.get_by_id</c>) the page sends from now on.</summary>
    public static async Task<ChatKitRequestGate> InstallAsync(IPage page, string type)
    {
        var gate = new ChatKitRequestGate();
        await page.RouteAsync("**/chatkit", async route =>
        {
            if (!IsRequestOf(route.Request, type))
            {
                await route.FallbackAsync();
                return;
            }

            gate._held.TrySetResult();
            await gate._released.Task;
            await route.ContinueAsync();
        });
        return gate;
    }

    /// <summary>Whether a request is a ChatKit request of <paramref name="type"/>.</summary>
    public static bool IsRequestOf(IRequest request, string type) =>
        request.Method == "POST" && (request.PostData ?? "").Contains($"\"type\":\"{type}\"", StringComparison.Ordinal);

    /// <summary>Completes once the first request of the type is being held.</summary>
    public Task WhenHeldAsync() => _held.Task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Lets the held requests (and any later ones) go to the server.</summary>
    public void Release() => _released.TrySetResult();
}
