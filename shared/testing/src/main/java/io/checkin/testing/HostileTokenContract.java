package io.checkin.testing;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function refuses every kind of forged or stale bearer token with a 401 problem and a Bearer
 * challenge, and the wrong role with a 403, before reading the body. Each module runs it against its own
 * functions: {@code class HostileTokensTest extends HostileTokenContract}, with a {@link HostileTargets} bean.
 */
public abstract class HostileTokenContract extends HostileCalls {

    @TestFactory
    Stream<DynamicTest> theValidTokenIsAccepted() {
        // without this, a 401 below could come from a body or role the function would refuse anyway
        return forEachFunction(t -> Api.call(t.function(), t.validToken(), t.validBody()).statusCode(200));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileTokenIs401() {
        return targets.all().stream().flatMap(t -> HostileTokens.ALL.stream().map(kind -> DynamicTest.dynamicTest(
                t.function() + ": " + kind, () -> unauthorized(t, kind.forRole().apply(t.role())))));
    }

    @TestFactory
    Stream<DynamicTest> aTokenWithoutSubjectIs401() {
        return forEachFunction(t -> unauthorized(t, Tokens.claims(null, t.role()).sign()));
    }

    @TestFactory
    Stream<DynamicTest> aSubjectLongerThanOpenIdConnectAllowsIs401() {
        String tooLong = "p".repeat(io.checkin.auth.Caller.MAX_SUBJECT + 1);
        return forEachFunction(t -> unauthorized(t, Tokens.claims(tooLong, t.role()).sign()));
    }

    @TestFactory
    Stream<DynamicTest> anAuthorizationHeaderThatIsNotBearerAndATokenIs401() {
        return targets.all().stream().flatMap(t -> Stream.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNzd29yZA==",
                "Token abc", t.validToken(), "Bearer" + t.validToken(), "Bearer " + t.validToken() + " extra", " ")
                .map(header -> DynamicTest.dynamicTest(t.function() + ": Authorization: " + abbreviated(header), () -> {
                    StoreCounts.unchangedBy(collections, "a call with Authorization: " + header, () -> Api.problem(
                            io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                                    .header("Authorization", header).body(t.validJson()).post("/" + t.function()).then(),
                            401, "unauthorized", null)).header("WWW-Authenticate", "Bearer");
                })));
    }

    @TestFactory
    Stream<DynamicTest> theSchemeIsCaseInsensitive() {
        return forEachFunction(t -> io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", "bearer " + t.validToken()).body(t.validBody()).post("/" + t.function()).then()
                .statusCode(200));
    }

    private static String abbreviated(String header) {
        return header.length() > 24 ? header.substring(0, 24) + "..." : header;
    }

    @TestFactory
    Stream<DynamicTest> theWrongRoleIs403() {
        return forEachFunction(t -> rejected(t, t.wrongRoleToken(), t.validJson(),
                403, "forbidden", null));
    }

    private void unauthorized(HostileTarget target, String token) {
        rejected(target, token, target.validJson(), 401, "unauthorized", null).header("WWW-Authenticate", "Bearer");
    }
}
