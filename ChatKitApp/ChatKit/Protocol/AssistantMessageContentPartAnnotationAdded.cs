namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContentPartAnnotationAdded(int ContentIndex, int AnnotationIndex, Annotation Annotation) : ThreadItemUpdate;
