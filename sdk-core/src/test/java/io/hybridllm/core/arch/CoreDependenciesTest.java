package io.hybridllm.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** sdk-core stays free of HTTP, JSON and native inference libraries, and its public API hides the internals. */
class CoreDependenciesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hybridllm.core");

    @Test
    void core_doesNotDependOnOkHttpGsonOrOnnxRuntime() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "com.google.gson..", "ai.onnxruntime..")
                .check(CORE);
    }

    @Test
    void core_doesNotDependOnTheOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.hybridllm.local..", "io.hybridllm.remote..", "io.hybridllm.cli..")
                .check(CORE);
    }
}
