namespace ChatKitApp.Auth;

/// <summary>
/// On a page: a visitor without a cookie stays anonymous instead of becoming a new guest
/// (<see cref="GuestSignInMiddleware"/>). For pages that need no user, such as a shared chat, so
/// reading a link costs no guest and no share of the address's new-guest budget.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoGuestSignInAttribute : Attribute;
