package app.soiree.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * No file bytes travel in a command, query, answer or event: files live in the object store and messages carry their
 * ids. Above a few MB a message with bytes in it is refused by Axon Server (AXONIQ-4003), so no message record may
 * hold a byte array, a buffer or a stream.
 */
@AnalyzeClasses(packages = "app.soiree.api", importOptions = ImportOption.DoNotIncludeTests.class)
class NoBytesOnTheBusTest {

    @ArchTest
    static final ArchRule messagesCarryNoBytes = fields().that().areDeclaredInClassesThat().areRecords()
            .and().areNotStatic()
            .should().notHaveRawType(byte[].class)
            .andShould().notHaveRawType(Byte[].class)
            .andShould().notHaveRawType(ByteBuffer.class)
            .andShould().notHaveRawType(InputStream.class)
            .because("file bytes live in the object store; messages carry their ids");
}
