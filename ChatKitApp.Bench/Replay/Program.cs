// The floor for one threads.create on this machine: read the whole request body, answer with the
// SSE events the app sent for the same request (recorded in threads.create.sse). No parsing, no
// store, no auth: what the app costs above this is the app's own work.
var answer = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "threads.create.sse"));
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapPost("/chatkit", async context =>
{
    var body = context.Request.BodyReader;
    while (true)
    {
        var read = await body.ReadAsync(context.RequestAborted);
        body.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted)
        {
            break;
        }
    }

    context.Response.ContentType = "text/event-stream";
    context.Response.Headers.CacheControl = "no-cache";
    await context.Response.Body.WriteAsync(answer, context.RequestAborted);
});
app.MapGet("/healthz", () => "ok");

await app.RunAsync();
