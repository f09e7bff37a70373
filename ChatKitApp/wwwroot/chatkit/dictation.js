// @ts-check
// Dictation, loaded only when the user first presses the composer's microphone (the server turns
// it on with `composer.dictation`): records with MediaRecorder until pressed again, sends the
// recording as `input.transcribe` and hands the text back to the composer.

/**
 * @typedef {object} DictationHooks
 * @property {(params: { audio_base64: string, mime_type: string }) => Promise<string>} transcribe
 * @property {(text: string) => void} onText
 * @property {(message: string) => void} onError
 */

/**
 * @param {HTMLButtonElement} button the microphone; pressed while recording, busy while transcribing
 * @param {DictationHooks} hooks
 * @returns {{ toggle: () => void }}
 */
export function createDictation(button, hooks) {
  /** @type {MediaRecorder | null} */
  let recorder = null;
  let transcribing = false; // a press meanwhile is ignored: one recording at a time
  const label = button.ariaLabel;

  /** @param {'idle' | 'recording' | 'transcribing'} state */
  const show = (state) => {
    button.ariaPressed = `${state === 'recording'}`;
    button.ariaLabel = state === 'recording' ? 'Stop dictation' : state === 'transcribing' ? 'Transcribing…' : label;
    transcribing = state === 'transcribing';
    button.ariaBusy = `${transcribing}`;
  };

  const start = async () => {
    /** @type {MediaStream} */
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      return hooks.onError(`The microphone is not available${error instanceof Error ? ': ' + error.message : '.'}`);
    }
    /** @type {Blob[]} */
    const chunks = [];
    const current = new MediaRecorder(stream);
    current.ondataavailable = (event) => {
      if (event.data.size) chunks.push(event.data);
    };
    current.onstop = async () => {
      stream.getTracks().forEach((track) => track.stop()); // the browser's recording indicator goes off
      recorder = null;
      show('transcribing');
      try {
        // The type as recorded (e.g. audio/webm;codecs=opus); the server reads the part before `;`.
        const audio = new Blob(chunks, { type: current.mimeType || chunks[0]?.type });
        const text = await hooks.transcribe({ audio_base64: await toBase64(audio), mime_type: audio.type });
        if (text) hooks.onText(text);
      } catch (error) {
        hooks.onError(`Dictation failed${error instanceof Error ? ': ' + error.message : '.'}`);
      } finally {
        show('idle');
      }
    };
    recorder = current;
    current.start();
    show('recording');
  };

  return {
    toggle() {
      if (recorder) recorder.stop();
      else if (!transcribing) void start();
    },
  };
}

/**
 * Standard base64 of the blob's bytes, as the protocol's `audio_base64` takes them.
 * @param {Blob} blob
 */
async function toBase64(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: spreading a whole recording into one call would exceed the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
