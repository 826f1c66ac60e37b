package io.checkin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's data folder holds people's movements: only its owner reads it. */
class DataFolderTest {

    @TempDir
    Path parent;

    @Test
    void aNewDataFolderIsTheOwnersOnly() throws Exception {
        Path data = LocalMain.ownerOnly(parent.resolve("data"));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void aFolderAndStoreFileAnEarlierRunLeftOpenAreClosed() throws Exception {
        Path data = Files.createDirectories(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path store = Files.writeString(data.resolve(LocalMain.STORE_FILE), "movements");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-r--r--"));

        LocalMain.ownerOnly(data);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
    }
}
