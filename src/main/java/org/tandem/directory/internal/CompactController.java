package org.tandem.directory.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.directory.CompactTable;

@RestController
@RequestMapping("/api/compacts")
@Tag(name = "Compacts", description = "The dated table of where each interstate compact is operational")
class CompactController {

	private final DirectoryManagement directory;

	CompactController(DirectoryManagement directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "The whole table, by compact, state and date")
	List<CompactOperationJson> table() {
		return json(directory.compactTable());
	}

	@PutMapping
	@Operation(summary = "Replace the whole table; it is a starting point to verify, not legal advice")
	List<CompactOperationJson> replace(@RequestBody List<CompactOperationJson> rows) {
		var table = new CompactTable(Input.each(rows, "", CompactOperationJson::toOperation));
		return json(directory.replaceCompactTable(table));
	}

	private static List<CompactOperationJson> json(CompactTable table) {
		return table.operations().stream().map(CompactOperationJson::of).toList();
	}
}
