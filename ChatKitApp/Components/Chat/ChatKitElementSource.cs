namespace ChatKitApp.Components.Chat;

public enum ChatKitElementSource
{
    Auto,
    Cdn,
    Local,
}
