# careplan_embed_asset(TARGET NAME FILE [DEFLATE]): compiles FILE into TARGET,
# readable as careplan::assets::NAME() (see app/ui/include/careplan/assets.hpp).
function(careplan_embed_asset target name file)
  cmake_parse_arguments(arg "DEFLATE" "" "" ${ARGN})
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/assets")
  set(payload "${dir}/${name}.bin")
  set(cpp "${dir}/${name}.cpp")
  set(flags "")
  if(arg_DEFLATE)
    set(flags --deflate)
  endif()
  file(MAKE_DIRECTORY "${dir}")
  add_custom_command(
    OUTPUT "${payload}" "${cpp}"
    COMMAND /usr/bin/python3 "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_asset.py" --name ${name} ${flags}
            "${file}" "${payload}" "${cpp}"
    DEPENDS "${file}" "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_asset.py"
    COMMENT "Embedding ${name}")
  target_sources(${target} PRIVATE "${cpp}")
  set_source_files_properties("${cpp}" PROPERTIES OBJECT_DEPENDS "${payload}")
endfunction()
