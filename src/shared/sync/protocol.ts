/** Version of the sync protocol between app and server; bumped when the change format changes. */
export const latestProtocolVersion = 1;
